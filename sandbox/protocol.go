package sandbox

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"io"
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/pwbconf/pwbconf/model"
)

// request asks a worker to evaluate one file.
type request struct {
	File string
	Src  []byte
	Env  map[string]string
	// EnvComplete says Env is the whole environment.
	EnvComplete bool
	Timeout     time.Duration
}

// reply is a worker's answer. The first frame a worker sends, once its
// limits are in place, is a reply with no Config.
type reply struct {
	Config *model.Config
	// Retire says the worker exits after this reply: its CPU budget is
	// spent, the evaluator panicked and its state is not to be trusted, or
	// the file hit the memory limit and left its garbage behind.
	Retire bool
}

// maxReply bounds what the parent reads from a worker. A model this large
// could only come from a file built to exhaust the parent.
const maxReply = 64 << 20

// Each direction of a worker's protocol is one gob stream cut into frames:
// a 4-byte big-endian length, then the gob encoding of one value. The
// length bounds what a side reads before decoding; the stream lets gob
// describe each type once, in the first frame that uses it, which makes a
// model several times cheaper to send than as JSON. gob leaves zero values
// out, so an empty slice in a model arrives as nil (the model reads both
// alike) and a float's negative zero arrives as zero.

// frameWriter writes values as frames of one gob stream.
type frameWriter struct {
	w   io.Writer
	buf bytes.Buffer
	enc *gob.Encoder
}

func newFrameWriter(w io.Writer) *frameWriter {
	f := &frameWriter{w: w}
	f.enc = gob.NewEncoder(&f.buf)
	return f
}

// write sends v as one frame.
func (f *frameWriter) write(v any) error {
	f.buf.Reset()
	f.buf.Write(make([]byte, 4))
	if err := f.enc.Encode(v); err != nil {
		return err
	}
	frame := f.buf.Bytes()
	binary.BigEndian.PutUint32(frame, uint32(len(frame)-4))
	_, err := f.w.Write(frame)
	return err
}

// frameReader reads values from frames of one gob stream.
type frameReader struct {
	r     io.Reader
	limit int
	body  bytes.Reader // the frame being decoded; gob reads it byte-wise
	dec   *gob.Decoder
}

// newFrameReader reads from r, refusing frames over limit bytes.
func newFrameReader(r io.Reader, limit int) *frameReader {
	f := &frameReader{r: r, limit: limit}
	f.dec = gob.NewDecoder(&f.body)
	return f
}

// read decodes the next frame into v. A frame that does not hold exactly
// one value is an error, after which the stream is not to be read again.
func (f *frameReader) read(v any) error {
	var head [4]byte
	if _, err := io.ReadFull(f.r, head[:]); err != nil {
		return err
	}
	n := binary.BigEndian.Uint32(head[:])
	if int64(n) > int64(f.limit) {
		return fmt.Errorf("frame of %d bytes is over the %d-byte limit", n, f.limit)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(f.r, body); err != nil {
		return err
	}
	f.body.Reset(body)
	if err := f.dec.Decode(v); err != nil {
		return err
	}
	if f.body.Len() != 0 {
		return fmt.Errorf("frame has %d bytes after its value", f.body.Len())
	}
	return nil
}

// shared is the page both sides of a worker map. The worker's evaluator
// writes the line it runs into line; the worker writes into seq the number
// of the request it has taken up, so that after a death the parent can tell
// a file that killed the worker from one the worker never saw.
type shared struct {
	line atomic.Int64
	seq  atomic.Int64
}

// sharedFD is the descriptor number under which a worker finds the page:
// the first of exec.Cmd's ExtraFiles.
const sharedFD = 3

// mapShared maps the page behind fd.
func mapShared(fd int) (*shared, []byte, error) {
	mem, err := unix.Mmap(fd, 0, unix.Getpagesize(), unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	if err != nil {
		return nil, nil, fmt.Errorf("mapping the shared page: %w", err)
	}
	return (*shared)(unsafe.Pointer(&mem[0])), mem, nil
}

// newShared creates the page for a new worker and returns its descriptor,
// which the caller closes once the worker has started.
func newShared() (fd int, s *shared, mem []byte, err error) {
	fd, err = unix.MemfdCreate("pwbconf-sandbox", unix.MFD_CLOEXEC)
	if err != nil {
		return -1, nil, nil, fmt.Errorf("creating the shared page: %w", err)
	}
	if err = unix.Ftruncate(fd, int64(unix.Getpagesize())); err == nil {
		s, mem, err = mapShared(fd)
	}
	if err != nil {
		unix.Close(fd)
		return -1, nil, nil, err
	}
	return fd, s, mem, nil
}
