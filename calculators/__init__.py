"""yibao settlement engine: employee medical insurance in Hangzhou and Ningbo, exact to the fen.

Pure Python, standard library only, runs unchanged on CPython, Pyodide and MicroPython.
Entry points: ``api.run(calculator, scenario, today)`` and ``python -m calculators``.
"""
