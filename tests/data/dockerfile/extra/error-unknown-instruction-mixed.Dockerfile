FROM alpine
Copyy a b
