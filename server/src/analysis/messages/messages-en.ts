/**
 * English text the analyses share (errors, assumptions, list words); its keys are the message ids
 * (messages-zh.ts has the same). Folders with much text keep their own catalog (risk/, winback/).
 * `{name_lower}` is the same label in lower case, for the middle of an English sentence.
 */
export const EN = {
  list_separator: ', ',
  requirement_separator: '; ',
  sentence_separator: ' ',
  label_value: '{label}: {value}',
  no_value: '(none)',
  not_significant: '{label} (not significant)',
  cannot_run: 'This analysis cannot be run: {why}',
  missing_definitions:
    'Model {model} lacks the definitions this analysis needs: {missing}. The other analyses still work.',
  'period.after_as_of': "The period asked about ({period}) starts after the data's as-of date {asOf}.",
  'period.default':
    'No period given: analysed the last complete quarter before the as-of date ({asOf}), {period}.',
  'population.no_metric': 'Model {model} has no churn-rate metric to compare customer groups on.',
  'population.last_complete':
    'Quarter-start snapshots need a fully observed quarter: used the last complete one, {period}.',
  'population.snapshots':
    'Computed on quarter-start snapshots: {period} (customer state at its start, churn during it).',
  'customer.not_found': 'No customer {id} you may see',
  'customer.narrative':
    'Customer {id} ({name}): {risk} Timeline: {events} events ({orderDays} days with orders).',
  'customer.risk': 'churn risk {pct}{listed}, mainly: {reasons}.',
  'customer.listed': ' (on the at-risk list)',
  'customer.no_reasons': 'none',
  'customer.not_scored': 'churned or not scored.',
  'customer.same_score': 'The risk score is the at-risk list’s: same model, same as-of date',
  'decomposition.needs_ratio': 'A change decomposition needs a ratio metric (such as churn rate).',
  'decomposition.timeless':
    '{metric} has no time (the data only records who churned), so two periods cannot be compared.',
  'decomposition.failed': 'Cannot decompose: {detail}',
  'decomposition.no_dimension': 'No dimension to decompose the change by.',
  'decomposition.snapshot_metric':
    '{dimension} comes from the quarter-start snapshots, so the split uses {metric_lower} (customer state at the quarter start, churn during it).',
  'cohorts.no_metric': 'Model {model} has no cohort retention metric.',
  'cohorts.none': 'No customer cohorts in this selection.',
  'survival.no_dimension': 'No customer dimension to compare.',
  'survival.compared_by': 'No dimension given: survival curves compared by {dimension_lower}.',
  'survival.all_spells':
    'Survival uses every activity spell in the data (first order to churn), not only the period asked.',
  'survival.no_spells': 'No activity spells to analyse.',
  'segments.no_dimension': 'Model {model} has no segmentation dimension.',
  'segments.none': 'No customers in this selection.',
  'drivers.restating':
    '{names} are derived from recency and the early-warning rules, so they restate the churn definition; not scanned as factors (name them in the question to include them).',
  'drivers.not_attribute':
    '{names}: not an attribute of customers at the period start, so not a candidate factor.',
  'drivers.these_dimensions': 'These dimensions',
  'drivers.no_churners': 'No customers (or no churners) in this selection to analyse drivers on.',
  'reasons.no_churners':
    'No customer churned in this period and selection, so there are no reasons to analyse.',
  'campaigns.no_messages': 'This model has no retention-campaign messages',
  'campaigns.retained':
    'Retained = returned or saved within the campaign window (30 days by default); uplift = treated rate − random control rate, 95% interval with the unpooled SE, two-proportion z-test',
  'campaigns.cost':
    'Cost per retained customer = treated messaging cost ÷ (uplift × treated customers), at the governed unit costs per channel',
  'outcomes.none_yet': 'No retention messages in the selected range yet: nothing to measure.',
  'outcomes.group':
    '{Noun} "{group}": treated {treatedRate} ({treated}) vs control {controlRate} ({control}), uplift {uplift} pp, 95% CI [{low}, {high}], p={p} ({significance}){cost}.',
  'outcomes.significant': 'significant',
  'outcomes.not_significant': 'not significant',
  'outcomes.cost': ', {cost} per retained customer',
  'outcomes.no_control': '{count} more without a control group: effect unknown.',
  'outcomes.best': 'The most effective {noun} is "{group}".',
  'outcomes.none_significant': 'No {noun} shows an uplift significant at the 5% level.',
  'outcomes.noun.campaign': 'campaign',
  'outcomes.noun.message_channel': 'channel',
  'outcomes.noun.retention_action': 'action',
  'playbook.segment.or': ' or ',
  'playbook.segment.cause': 'cause: {causes}',
  'playbook.segment.risk': 'churn probability {band}',
  'playbook.segment.everyone': 'every at-risk customer',
  'playbook.success.save': 'saved',
  'playbook.success.winback': 'won back',
  'playbook.effect.no_history':
    'No history yet: this action has never been run, so its effect will be learned from this round',
  'playbook.effect.no_control':
    'Past {word} rate {rate} (n = {customers}), no control group, so the incremental effect is unknown',
  'playbook.effect.small_control': '[Unknown effect: the control group has only {customers} customers] ',
  'playbook.effect.negative': '[Negative: worse than control] ',
  'playbook.effect.history':
    'History: {word} rate {rate} when contacted (n = {customers}) vs {controlRate} held out (n = {controlCustomers}), an increment of {difference} (95% CI {lower} to {upper}, p = {p})',
  'playbook.baseline.action_control': "the action's past control group",
  'playbook.baseline.all_controls': 'all past control groups',
  'playbook.baseline.assumed': 'no history: 50%, the conservative case',
  'playbook.uplift.history': 'the past increment',
  'playbook.uplift.assumed': 'an assumed smallest worthwhile lift',
  'playbook.measure.design':
    'Hold out a random control group (not contacted) and compare the 90-day {word} rate; detecting {uplift} ({upliftSource}) with 80% power at α = 0.05 needs {perArm} customers per arm (baseline {baseline}, {baselineSource}).',
  'playbook.measure.enough': ' Of the {targets} targets, hold out {holdout} at random.',
  'playbook.measure.standing':
    ' {targets} targets are too few for one round: hold out 10% ({holdout}) as a standing control group and evaluate over several rounds.',
  'drivers.population': 'Of {customers} customers{period}, {churned} churned ({rate}).',
  'drivers.population.period': ' active at the start of {period}',
  'drivers.next_factor': '{label} (RR {rr}, PAF {paf}, 95% CI {pafCi})',
  'drivers.next': '; next come {factors}',
  'drivers.top':
    'Ranked by attributable share (PAF), the top driver is {label} — churn {rateWith} against {rateWithout} for the rest, relative risk {rr} (95% CI {ci}), about {paf} (95% CI {pafCi}) of churn attributable to it{next}.',
  'drivers.none': 'No factor significantly raised the churn risk.',
  'drivers.factor_rr': '{label} (RR {rr})',
  'drivers.factor_or': '{label} (OR {or})',
  'drivers.protective': 'Churn is markedly lower for {factors}.',
  'drivers.indicator': '{label} (RR {rr}: {why})',
  'drivers.indicators':
    "Measured inside the outcome's own window, these are leading indicators, not causes, and are not ranked: {factors}.",
  'drivers.regression':
    'Adjusted for each other in a logistic regression (also Benjamini–Hochberg corrected), the strongest are {factors}.',
  'drivers.nested':
    'Within {parent}: {city} churned at {rate} against {restRate} in the rest of {parent}, relative risk {rr} (95% CI {low}–{high}); the rest of {parent} against other regions: {restRr} ({restLow}–{restHigh}){explains}.',
  'drivers.nested.explains': ", so {parent}'s excess is {city}'s and is for the city to act on",
  'drivers.left_out.few': '{count} with fewer than 30 customers (e.g. {names})',
  'drivers.left_out.zero': '{count} with no churners to compute a relative risk',
  'drivers.left_out.insignificant': '{count} whose 95% CI includes 1, i.e. not significant (e.g. {names})',
  'drivers.left_out.fdr':
    '{count} significant on their own but not after the Benjamini–Hochberg correction for multiple testing (5% false discovery rate; e.g. {names})',
  'drivers.left_out.majority': '{count} held by over 80% of customers, i.e. the baseline (e.g. {names})',
  'drivers.left_out.outcome':
    '{names} is recorded only for churned customers: a consequence of churn, not a factor',
  'drivers.left_out.outcomes':
    '{names} are recorded only for churned customers: a consequence of churn, not a factor',
  'drivers.corrected':
    'significance is corrected for {count} tests by Benjamini–Hochberg (5% false discovery rate)',
  'drivers.all_significant': 'All {tested} factors tested were significant; {corrected}.',
  'drivers.tested':
    '{tested} factors tested; {corrected}; {shown} significant ones listed; left out: {reasons}.',
  'decomposition.echo': ', of which {contribution} comes from {from}: look at {from}, not all of {parent}',
  'decomposition.noise': ', not significant after correction, possibly chance',
  'decomposition.localisation':
    '{who} (contribution {contribution}, 95% CI {low} to {high}; its rate went from {rateA} to {rateB}; z = {z}{noise}{echo})',
  'decomposition.localisations':
    'Across the {dims} dimensions and {segments} segments tried (Benjamini–Hochberg corrected), the change is most concentrated in: {items}.',
  'decomposition.flag_yes': '{dim} (yes)',
  'decomposition.flag_no': '{dim} (no)',
  'decomposition.total':
    "{metric} went from {rateA} in {a} to {rateB} in {b} ({change}). Split by {dim_lower}: the rate effect (each group's own {metric_lower} changing) is {rateEffect} and the mix effect (groups' shares changing) {mixEffect}; they add up exactly to the change.",
  'decomposition.segment':
    '{name} ({total}, {share}% of the change; its {metric_lower} went from {rateA} to {rateB}, rate effect {rate}, mix effect {mix})',
  'decomposition.then': '; then ',
  'decomposition.largest': 'The largest contribution came from {items}.',
  'decomposition.largest_move':
    'The largest move: {name} ({total}; its {metric_lower} went from {rateA} to {rateB}).',
  'decomposition.against':
    'Moving the other way: {name} ({total}; its {metric_lower} went from {rateA} to {rateB}).',
  // Shared by the narratives below.
  comma_separator: ', ',
  full_stop: '.',
  unsupported: 'Unsupported analysis: {intent}',
  'decomposition.left_out':
    "Not tried: {names}; they either derive from recent spend, activity or scores measured in the outcome's own window (restating churn itself) or shift mechanically as time passes (tenure and age bands).",
  'decomposition.auto.flat':
    'No dimension given: tried {names}; the change is not concentrated in any segment, so it is split by {dim_lower}.',
  'decomposition.auto.beyond_size':
    'No dimension given: tried {names}; by {dim_lower}, {who} holds {weight} of customers yet explains {share} of the change, the most beyond its size, so the change is split by {dim_lower}.',
  'decomposition.auto.off_share':
    "No dimension given: tried {names}; by {dim_lower}, {who} holds {weight} of customers and contributes {contribution} against a total change of {change}, the furthest from its size's share, so the change is split by {dim_lower}.",
  'cohorts.grain.week': 'week',
  'cohorts.grain.month': 'month',
  'cohorts.grain.quarter': 'quarter',
  'cohorts.unit.week': 'week',
  'cohorts.unit.month': 'month',
  'cohorts.unit.quarter': 'quarter',
  'cohorts.assumption': 'Cohorts by first-order {grain}: the {periods} cohorts of {range}{short}.',
  'cohorts.assumption.short': ' (the period asked is too short to compare cohorts)',
  'cohorts.at': '{unit} {k}',
  'cohorts.count': '{cohorts} cohorts with {members} first-time customers in {range}.',
  'cohorts.checkpoint': '{pct} at the end of {at}',
  'cohorts.checkpoints.separator': ', ',
  'cohorts.checkpoints.and': ' and ',
  'cohorts.average': 'On average {items} were still active (averaging only cohorts that reached that point).',
  'cohorts.best_worst':
    'At the end of {at}, retention was highest for the {best} cohort ({bestPct}) and lowest for {worst} ({worstPct}).',
  'cohorts.by_segment':
    'By {by_lower}, retention at the end of {at} was highest for {top} ({topPct}) and lowest for {low} ({lowPct}).',
  'survival.months': '{t} months',
  'survival.spells':
    '{subjects} activity spells (first order to churn; those still active are censored), {events} of them ended in churn.',
  'survival.at_horizon': 'After {months}, {pct} of spells were still active',
  'survival.by_segment': '; by {by_lower}, highest for {top} ({topPct}) and lowest for {low} ({lowPct})',
  'survival.median': '; the median spell in {name} lasts {months}',
  'survival.log_rank': 'Log-rank test: χ² = {chi}, {df} df, {p}: the curves {verdict}.',
  'survival.log_rank.significant': 'differ significantly',
  'survival.log_rank.not_significant': 'do not differ significantly',
  'segments.group': '{name} {customers} ({share})',
  'segments.primary':
    'By {label_lower}: {total} customers; the largest groups are {groups}. {atRisk} customers are at risk now{risky}.',
  'segments.risky': ', most of them in {name} ({count})',
  'segments.rates':
    'Of the customers active at the start of {period}, those in {top} churned most ({topPct}, {churned} of {active}) and those in {low} least ({lowPct}).',
  'segments.item': '{name} {customers}{churn}',
  'segments.item.churn': ' (churn {pct})',
  'segments.other': '{label}: {items}.',
  'reasons.total.period': '{total} customers who were active at the start of {range} churned {phrase}.',
  'reasons.total': '{total} customers churned.',
  'reasons.item': '{name_lower} ({churned}, {share})',
  'reasons.main': 'The main reason was {head}{rest}.',
  'reasons.main.rest': ', followed by {items}',
  'reasons.unrecorded': '{churned} churners ({share}) have no recorded reason.',
  'reasons.silent':
    '{churned} churners ({share}) left no ticket or negative feedback in the {days} days before churning (silent churn): their reason is unknown.',
  'reasons.quote': '"{text}"',
  'reasons.quotes': 'Typical feedback on {name_lower}: {quotes}.',
  'reasons.segment.silent': '{who}: {churned} churners, all silent',
  'reasons.segment.main': '{who}: {churned} churners, mainly {name_lower} ({share} of them)',
  'reasons.by_segment': 'By {by_lower}: {lines}.',
  'reasons.controllable.none': 'none',
  'reasons.controllable':
    'By the governed classification of reasons, controllable ones ({controllable}) account for {share} of churners (95% CI {low}–{high}), uncontrollable ones ({uncontrollable}) for {uShare} ({uLow}–{uHigh}); the remaining {silent} churned silently, reason unknown.',
  'playbook.assumption.one_action':
    'Each customer gets one action, the highest-priority one that fits; customers who churned 1-3 months ago enter win-back actions',
  'playbook.assumption.success':
    'Success rate = share saved or returned after the action (communications outcome); control = customers held out at random',
  'playbook.plan.none':
    'No retention action is due: none of the {atRisk} at-risk customers fits the playbook, and no recently churned customer is targeted.',
  'playbook.plan.ranked_proven': ' (ranked by measured increment over control)',
  'playbook.plan.ranked_priority':
    ' (note: no action has yet proven better than its control; ranked by playbook priority)',
  'playbook.plan.first': 'First: "{label}"{why} for {targets} customers ({segment}), {timing}.',
  'playbook.plan.negative':
    '"{label}" did worse than its control ({difference}, 95% CI {ci}, n = {treated} contacted / {control} held out) and is ranked last; review it before running it',
  'playbook.plan.negatives': ' {items}.',
  'playbook.plan.history.proven':
    ' History shows the clearest increment for "{label}" ({points} above control).',
  'playbook.plan.history.unproven': ' Past results do not yet prove an increment over control.',
  'playbook.plan.history.none': ' None of these actions has a history yet.',
  'playbook.plan.winback': ', plus {churned} customers who churned 1-3 months ago (win-back)',
  'playbook.plan':
    '{actions} actions cover {covered} of the {atRisk} at-risk customers{winback}. {first}{history}{negative} Each action holds out a random control group and is judged by its difference from it.',
} as const;

export type AnalysisMessageId = keyof typeof EN;
