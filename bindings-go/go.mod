module github.com/zavudev/zavu-sdk-hub/bindings-go

go 1.24
