class Checked:
    def __init__(self, name, kind):
        self.name, self.kind = name, kind
    def __set__(self, instance, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}")
        instance.__dict__[self.name] = value

class Order:
    qty = Checked("qty", int)
    note = Checked("note", str)
    def __init__(self, qty):
        self.qty = qty

o = Order(3)
print(o.qty, vars(o), type(Order.qty).__name__, type(o.note).__name__)
try:
    o.qty = "many"
except TypeError as e:
    print(e)
o.note = "rush"
print(o.note, sorted(vars(o)))
