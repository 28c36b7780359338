// Package convert turns an evaluated user-config.py into a versioned
// document that programs in other languages read natively, writes it as
// YAML, JSON or a user-config.py again, and gives Go programs the
// username and OAuth tokens Pywikibot would use for any wiki.
//
// A document (version 1) has the fields version, family, mylang,
// usernames (family -> code -> name), authenticate (host pattern ->
// {consumer_token, consumer_secret, access_token, access_secret} for
// OAuth 1.0a or {user, password} for HTTP basic auth, or {raw: value} for
// any other value, which Pywikibot skips or fails on, kept as it was) and
// settings (every other variable the file set). A string that is exactly
// "${NAME}" is read from the environment variable NAME. One-key objects
// say what JSON cannot: {"$tuple": [...]}, {"$list": [...]},
// {"$float": "inf"}, {"$unresolved": "import:module"} for a value the
// sandbox could not know, {"$redacted": true} for a secret left out. The
// JSON Schema in package schema describes it all. A str that is only the
// default of an environment read the check could not answer
// (os.environ.get('CK', 'x') with CK unset) is written as the two-key
// object {"$env": "CK", "$default": "x"}: the default is a plain string,
// taken as written whatever it holds, and a runner reads CK where it is
// set and takes the default where it is not, as Python would. A read
// without a default, os.getenv('CK') or os.environ.get('CK'), which gives
// None where CK is unset, is {"$env": "CK", "$default": null}; only
// "${CK}", os.environ['CK'], fails there. A value the file computed from
// a read ('x' + os.getenv('CK', 'y')) has no form: [New] lists it in
// Document.Computed and keeps the value the default gave, or
// {"$unresolved": "computed:env:CK"} where there was none. A secret
// default follows the secret mode, keeping its variable (see the Env mode
// below). The YAML quotes every string that a YAML 1.1
// reader (PyYAML's safe_load, what most Python programs use) would read
// as something else: yes, no, on, off, y, n, true, null and ~ in any
// case, anything that starts like a number or a date (0o17, 1_000, .5,
// 1:30, 2024-01-01), and a leading indicator character.
//
// In the Env secret mode, authenticate keys that hold the very same
// tokens share one set of variables, named after the first of them
// (PWB_OAUTH_WIKIPEDIA_ORG_* for the manual's layout, whose eleven keys
// hold one token set): the .env then has one variable per secret. A
// secret that is the default of an environment read keeps the file's own
// variable: the document refers to it and the .env file gives it the
// default, unless another read of the same variable has another default
// (or none), where the default is redacted instead; Redact writes
// {"$env": NAME, "$default": {"$redacted": true}}. A blank default is no
// secret and stays as it is.
//
// Tool side: [New] makes a [Document] from a model, hiding secrets as a
// [SecretMode] says; its YAML, JSON and Python methods write it, [Dotenv]
// the .env file for its secrets, [WriteFile] any of them atomically.
// [Decode] reads a document back into a model. It reads JSON with the
// YAML reader, which refuses a key written longer than 1,024 characters:
// such a JSON document does not decode, though its YAML twin does.
//
// Runner side: [Load] and [Parse] read a document and resolve its
// references into a [Config], whose Username and Credentials methods
// apply Pywikibot's own rules (package pywikibot), so the two cannot
// drift apart.
package convert
