def plus_one(number):
    return number + 1
