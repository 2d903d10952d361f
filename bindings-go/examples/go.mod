module github.com/zavudev/zavu-sdk-hub/bindings-go/examples

go 1.24

require github.com/zavudev/zavu-sdk-hub/bindings-go v0.1.0

replace github.com/zavudev/zavu-sdk-hub/bindings-go => ../
