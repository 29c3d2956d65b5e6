#!/usr/bin/env python
from goglobal.cli import main

if __name__ == "__main__":
    main()
