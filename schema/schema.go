// Package schema holds the JSON Schema of the format pwbconf converts
// configurations to, as published in this folder and built into the
// binary, so that editors and the binary agree on one file.
package schema

import _ "embed"

// ConfigV1 is the JSON Schema (draft 2020-12) of version 1 of the format.
//
//go:embed pwbconf-v1.schema.json
var ConfigV1 []byte

// ConfigV1Name is the file name the schema is published under.
const ConfigV1Name = "pwbconf-v1.schema.json"
