from alpine
runn echo hi
