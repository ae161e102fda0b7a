# Convenience targets; the scripts do the work (and need nothing but bash).
.PHONY: lab test
lab:
	bash scripts/lab.sh
test:
	bash scripts/test.sh
