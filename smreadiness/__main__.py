from smreadiness.cli import main

raise SystemExit(main())
