COPY --from="my stage" --chmod=0755 --link a b
