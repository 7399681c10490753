FOO bar baz
