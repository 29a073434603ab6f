"""Network analysis: pure functions from networkx graphs to pandas objects indexed by actor id.

One module per family of questions -- :mod:`.centrality`, :mod:`.structure`,
:mod:`.brokerage`, :mod:`.groups`, :mod:`.communities`, :mod:`.keyplayers` -- each function
documenting its graph, its normalisation and its reference.
"""
