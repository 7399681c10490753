# escape=`
# escape=`
FROM x
