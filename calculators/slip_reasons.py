"""Why a settlement slip can differ from the site's own settlement: the reasons the sources
give, as data. Each names the slip lines it can explain, the test that says when it applies
(``when``, a predicate in calculators/slip.py) and the parameters whose source and article
back it (``params``: paths inside a policy; those a policy lacks, or whose value is not in
force for the edition used, are skipped, and a reason left with none does not apply to that
policy). ``silent``: the reason is that the sources do not state the figure, so it applies
only where the parameter is null. ``edition``: backed by the edition's own source.

The wording never says the hospital is wrong: it names what could explain the difference.
No figures here; the cited parameters carry them.
"""

REASONS = (
    {
        "id": "category_b_not_entered",
        "when": "patient_paid_more_without_category_b",
        "lines": ("fund", "co_payment"),
        "params": ("self_pay_examples/ct_share", "catalogue/category_b_drug_self_pay/usual_low"),
        "zh": "结算单上的“个人自付”可能含有乙类先行自付（乙类自理）部分，而这里没有单独填写。乙类项目先由个人按比例自付，"
        "其余才按规定报销，所以结算单上的统筹基金比本站算的少。请对照结算单或费用明细的“乙类自理”一栏，填进“乙类自理”。",
        "en": "Your slip's co-payment may include a category-B self-pay part (乙类自理) that is not entered separately "
        "here. You pay a share of category-B items first and only the rest is reimbursed, so the slip's fund pays "
        "less than this site worked out. Find 乙类自理 on the slip or the itemised bill and enter it as category-B.",
    },
    {
        "id": "deductible_met",
        "when": "deductible_could_have_been_met",
        "lines": ("fund", "co_payment"),
        "params": ("inpatient/deductible",),
        "zh": "住院起付标准一年只付一次。今年较早的住院如果已付足（或付过一部分）起付标准，而这里没有填写，本站会让这次住院再付一次，"
        "所以结算单上个人付得更少、基金付得更多。请在“今年较早的费用”里填上之前的住院。",
        "en": "The inpatient deductible is paid once a year. If an earlier stay this year already paid it (or part of "
        "it) and is not entered here, this site charges it again on this stay, so the slip shows you paying less and "
        "the fund more. Enter the earlier stay under “earlier this year”.",
    },
    {
        "id": "special_registered",
        "when": "deductible_waived_by_registration",
        "lines": ("fund", "co_payment"),
        "params": ("special_outpatient/settlement",),
        "zh": "已办理特殊病种备案的，住院不设起付线。如果你已备案而这里没有勾选，本站多算了起付线。",
        "en": "With a registered special disease a stay has no deductible. If yours is registered and the box here is "
        "not ticked, this site charged a deductible it should not have.",
    },
    {
        "id": "higher_level_earlier",
        "when": "higher_level_top_up",
        "lines": ("fund", "co_payment"),
        "params": ("inpatient/deductible",),
        "zh": "起付标准按今年所住医院的最高等级计算。今年较早如果在更高等级的医院住过院而起付标准没有付足，这次住院要补足差额，"
        "所以结算单上个人付得更多。请在“今年较早的费用”里填上那次住院和它的医院等级。",
        "en": "The deductible is that of the highest hospital level used this year. If you stayed at a higher-level "
        "hospital earlier this year without paying all of its deductible, this stay tops up the difference, so the slip "
        "shows you paying more. Enter that stay and its hospital level under “earlier this year”.",
    },
    {
        "id": "earlier_claims",
        "when": "patient_paid_less",
        "lines": ("fund", "critical_illness", "assistance", "co_payment"),
        "params": (
            "inpatient/fund_share/{status}",
            "inpatient/personal_share/{status}",
            "critical_illness/share",
            "inpatient/above_limit_critical_illness_share",
        ),
        "zh": "分段比例、最高限额和大病保险都按今年累计的费用计算。今年较早的住院或规定病种门诊如果没有填写，本站的累计偏低，"
        "结算单上基金或大病保险就会付得更多。",
        "en": "Bands, the limit and critical illness insurance all count the year's running total. If earlier stays or "
        "special-disease outpatient bills this year are not entered, this site's running total is too low, and the slip "
        "shows the fund or critical illness insurance paying more.",
    },
    {
        "id": "remote_not_entered",
        "when": "patient_paid_more_at_home",
        "lines": ("fund", "co_payment"),
        "params": ("remote/first_self_pay", "remote/fund_share_reduction", "remote/reimbursed_rule"),
        "zh": "如果这次其实是在外地就医（没有刷卡直接结算，或不是急诊），医保按异地就医的规定结算：个人可能要先自理一部分，"
        "或基金支付比例下浮，所以结算单上个人付得更多。请按实际情况选择“就医地”“结算方式”和“备案”。",
        "en": "If you were in fact treated away from home (not settled with the card, or not an emergency), the "
        "remote-treatment rules apply: you may first bear a share yourself, or the fund's share is cut, so the slip shows "
        "you paying more. Choose where, how it was paid and the filing as they were.",
    },
    {
        "id": "remote_rules",
        "when": "treated_away",
        "lines": ("fund", "critical_illness", "co_payment"),
        "params": ("remote/first_self_pay", "remote/fund_share_reduction", "remote/reimbursed_rule"),
        "zh": "异地就医怎样结算，取决于是否刷卡直接结算、是否急诊抢救、是否办了备案。这几项选得和实际不同，结果就不同；"
        "请核对“结算方式”“急诊”和“备案”。",
        "en": "How treatment away from home is settled depends on whether the card settled it, whether it was an "
        "emergency and whether it was filed. If any of these is chosen differently from what happened, so is the "
        "result: check how it was paid, the emergency box and the filing.",
    },
    {
        "id": "filing",
        "when": "filing_could_lighten",
        "lines": ("fund", "co_payment"),
        "params": ("remote/long_term_filing", "remote/fund_share_reduction"),
        "zh": "办了长住外地备案或转外就医备案的，按备案的规定结算，可能不用先自理，或基金比例下浮更少。"
        "如果你办过备案而这里选了“未备案”，本站让你多付了。",
        "en": "With a long-term residence or referral filing the claim is settled under the filing's rules: you may bear "
        "no share first, or the fund's share is cut less. If you had filed and “none” is chosen here, this site "
        "charged you more.",
    },
    {
        "id": "certificate",
        "when": "assistance_differs",
        "lines": ("assistance", "co_payment"),
        "params": ("assistance/non_certificate/share",),
        "zh": "医疗救助按救助证件的类别和今年累计的个人负担计算。请核对“救助证件”一栏，以及今年较早的费用是否都已填写。",
        "en": "Medical assistance depends on the assistance certificate and on the year's running burden. Check the "
        "certificate chosen and whether the year's earlier bills are all entered.",
    },
    {
        "id": "assistance_not_stated",
        "when": "assistance_differs",
        "silent": True,
        "lines": ("assistance", "co_payment"),
        "params": ("assistance/share",),
        "zh": "本站的资料没有写这一险种的医疗救助，所以本站不计算救助；结算单上的救助金额以经办机构为准。",
        "en": "The site's sources do not describe medical assistance for this scheme, so none is worked out here; the "
        "assistance on your slip is the insurance office's.",
    },
    {
        "id": "edition",
        "when": "edition_may_differ",
        "edition": True,
        "lines": ("fund", "critical_illness", "assistance", "co_payment"),
        "params": (),
        "zh": "结算时用的规定版本可能和本站用的不同：本站只收录到下面所列的版本，之后的调整没有收录；"
        "跨年或跨版本的住院也可能按另一版结算。",
        "en": "The settlement may have used another edition of the rules than this site: the site has the editions "
        "named below and no later changes, and a stay across a year or an edition change may be settled under the other.",
    },
)

# What a slip line means where it is not compared (the account pays out of your own share).
LINE_NOTES = {
    "account": {
        "params": ("account/historical_use",),
        "zh": "个人账户支付的是你自己应付的部分（自付、自理、自费）里由账户付的那一块，不改变统筹基金、大病保险和医疗救助，"
        "所以不单独比较。",
        "en": "The personal account pays part of your own share (co-payment, category-B, out-of-scope) for you. It "
        "changes nothing the fund, critical illness insurance or assistance pay, so it is not compared on its own.",
    },
}
