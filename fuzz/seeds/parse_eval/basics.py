x = [1, 2, 3]
y = {k: v * 2 for k, v in zip("abc", x)}
class A:
    def __init__(self, n):
        self.n = n
    def __str__(self):
        return "A(%d)" % self.n
print(sorted(x, key=lambda v: -v), y, str(A(4)), f"{x[0]:>3}")
