"""Operations on an nbgrader course: init, grade (as data), report; drafting keys and exercises."""
