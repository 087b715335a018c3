from kospitl.cli import cli

cli()
