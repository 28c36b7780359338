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
// JSON Schema in package schema describes it all.
//
// Tool side: [New] makes a [Document] from a model, hiding secrets as a
// [SecretMode] says; its YAML, JSON and Python methods write it, [Dotenv]
// the .env file for its secrets, [WriteFile] any of them atomically.
// [Decode] reads a document back into a model.
//
// Runner side: [Load] and [Parse] read a document and resolve its
// references into a [Config], whose Username and Credentials methods
// apply Pywikibot's own rules (package pywikibot), so the two cannot
// drift apart.
package convert
