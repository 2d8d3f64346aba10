-- Held-out examples from a preference (DPO) test split keep the non-preferred answer next to the
-- preferred one (the reference), so a run can tell which of the two each model's answer is closer to.
alter table eval_example add column rejected text;
