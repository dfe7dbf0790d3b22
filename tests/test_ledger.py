"""The ledger's guard: a claim's parts add up to its total and none is negative by construction,
because ``ClaimLedger`` refuses every move that would break that. These tests make the guard
trip; the property and case tests then need no sum or sign checks of their own (a tripped guard
raises out of ``api.run`` and fails them)."""

import pytest

from calculators import api, settle
from calculators.jsonout import Money
from calculators.ledger import PAYERS, ClaimLedger

# Any step of the wording table will do: the guard looks at the amounts only.
KIND, ARGS = "own_out_of_scope", {"amount": Money(0)}


def test_a_claim_paid_in_full_settles_with_its_parts():
    ledger = ClaimLedger(10000)
    ledger.pay("fund", 7600, KIND, ARGS)
    ledger.pay("personal", 2400, KIND, ARGS)
    ledger.relieve("assistance", 400, KIND, ARGS)
    result = ledger.settled()
    # 100.00 yuan: fund 76.00, the patient 24.00 of which assistance takes over 4.00.
    assert [result[p].fen for p in PAYERS] == [0, 7600, 0, 400, 2000]
    assert result["total"].fen == 10000 and len(result["steps"]) == 3


def test_a_negative_payment_is_refused():
    ledger = ClaimLedger(100)
    with pytest.raises(ValueError, match="negative payment"):
        ledger.pay("fund", -1, KIND, ARGS)
    assert ledger.parts["fund"] == 0 and ledger.steps == []


@pytest.mark.parametrize("fen", [-1, 301])
def test_relief_outside_the_patients_part_is_refused(fen):
    ledger = ClaimLedger(1000)
    ledger.pay("fund", 700, KIND, ARGS)
    ledger.pay("personal", 300, KIND, ARGS)
    with pytest.raises(ValueError, match="relief outside"):
        ledger.relieve("critical_illness", fen, KIND, ARGS)
    assert ledger.parts["personal"] == 300 and ledger.parts["critical_illness"] == 0


@pytest.mark.parametrize("paid", [999, 1001])
def test_parts_that_miss_the_total_by_one_fen_are_refused(paid):
    ledger = ClaimLedger(1000)
    ledger.pay("fund", paid - 1, KIND, ARGS)
    ledger.pay("personal", 1, KIND, ARGS)
    with pytest.raises(ValueError, match="do not add up"):
        ledger.settled()


def test_a_rule_that_leaves_a_fen_unpaid_cannot_produce_a_result(monkeypatch):
    # The engine's own path: every rule family settles through the ledger, so a rule that paid
    # one fen short of the claim (here: a claim one fen dearer than the rules were told) raises
    # instead of returning parts that do not add up.
    class OneFenShort(ClaimLedger):
        def __init__(self, total: int):
            super().__init__(total + 1)

    scenario = {
        "policy": "ningbo-employee",
        "date": "2024-06-01",
        "person": {"age": 50},
        "claims": [{"kind": "inpatient", "level": "tertiary", "amount": "5000"}],
    }
    assert "error" not in api.run("settle", scenario, "2024-06-01")
    monkeypatch.setattr(settle, "ClaimLedger", OneFenShort)
    with pytest.raises(ValueError, match="do not add up"):
        api.run("settle", scenario, "2024-06-01")
