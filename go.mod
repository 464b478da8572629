module github.com/toptrade/taobao

go 1.25.0

require (
	github.com/coder/websocket v1.8.14
	github.com/google/go-querystring v1.1.0
	github.com/stretchr/testify v1.11.1
	golang.org/x/oauth2 v0.36.0
	golang.org/x/time v0.15.0
)

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
