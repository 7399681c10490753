CMD ["a	b"]
