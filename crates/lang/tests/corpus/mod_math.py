import math
print(math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5))
# ---
import math
print(math.pi, math.e, round(math.pi, 4))
# ---
import math
print(math.isclose(0.1 + 0.2, 0.3), math.fabs(-2), math.trunc(-2.7), math.trunc(2.7))
# ---
import math
print(math.pow(2, 3), math.log(math.e), math.log10(1000), math.log(8, 2), math.exp(0))
# ---
from math import floor, ceil
print(floor(7 / 2), ceil(7 / 2), type(floor(1.5)) == int)
# ---
import math
print(math.sqrt(-1))
# ---
import math
print(math.gcd(12, 18), math.factorial(6), math.inf > 1e308, math.isnan(float('nan')))
# ---
import math
print(math.hypot(3, 4), round(math.sin(0), 5), round(math.cos(0), 5))
# ---
from math import *
print(sqrt(2) if False else floor(9.99))
# ---
import math
amount = 1234.567
print(math.floor(amount * 100) / 100, math.ceil(amount))
# ---
import math
print(math.nosuch)
