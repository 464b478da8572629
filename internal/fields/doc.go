// Package fields holds the documented request parameters and response
// fields of the TOP APIs the SDK covers, and turns them into the model
// structs of package taobao.
//
// api-fields.md is a verbatim copy of the project's spec/api-fields.md, the
// field tables of the official API documentation. Parse reads it; Models
// applies the SDK's typing decisions (the tables in mapping.go) and returns
// the structs to generate; Generate renders them as Go source, which
// cmd/genmodels splices into trade.go and logistics.go between marker
// comments. A test fails when the checked-in code differs from what the
// generator would write now, so the structs cannot drift from the docs.
//
// To change a model, change api-fields.md or mapping.go and run
// `go generate ./...` from the module root.
package fields
