from goglobal.desk.tests.helpers import desk_world

__all__ = ["desk_world"]
