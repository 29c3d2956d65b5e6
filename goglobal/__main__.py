from goglobal.cli import main

main()
