module example.com/tools

go 1.21

require github.com/spf13/cobra v1.8.0

require (
	golang.org/x/net v0.15.0
	golang.org/x/text v0.3.8 // indirect
)
