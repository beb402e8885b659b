"""from __future__ imports: annotations stay the text of their source
(forward references to classes defined later work), the other features
are accepted, and the module's records can be read."""
from __future__ import annotations
from __future__ import generator_stop, division as div

import dataclasses


def scale(p: Point, factor: float | Fraction = 2) -> list[Point]:
    return [p]


print(scale.__annotations__)


class Tree:
    children: list[Tree]
    parent: Tree | None = None

    def add(self, child: 'Tree') -> Tree:
        return self


print(Tree.__annotations__, Tree.add.__annotations__)


@dataclasses.dataclass
class Point:
    x: int
    y: Undefined = 0


print(Point(1), dataclasses.fields(Point)[1].type)
print(annotations, div)
import __future__
for name in __future__.all_feature_names:
    feature = getattr(__future__, name)
    print(name, feature, feature.getOptionalRelease(), feature.getMandatoryRelease())
