COPY <<A <<B /dst
a
A
b
B
