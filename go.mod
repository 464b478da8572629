module github.com/toptrade/taobao

go 1.25.0

require (
	github.com/google/go-querystring v1.1.0 // indirect
	github.com/stretchr/testify v1.11.1 // indirect
	golang.org/x/oauth2 v0.36.0 // indirect
	golang.org/x/time v0.15.0 // indirect
)
