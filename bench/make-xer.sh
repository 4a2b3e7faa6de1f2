#!/usr/bin/env bash
# Writes a synthetic P6 XER schedule of N activities (default 10,000) to standard output:
# 100 WBS elements, a five-day calendar with a holiday, chains of finish-to-start links
# with a start-to-start link across every tenth pair, a tenth of the work done or under
# way. For timing `pipesim import` (see docs/import.md); no big file is kept in the repo.
set -euo pipefail
n=${1:-10000}
awk -v n="$n" 'BEGIN {
  OFS = "\t"
  print "ERMHDR", "19.12", "2024-01-01", "Project", "BENCH"
  print "%T", "CALENDAR"
  print "%F", "clndr_id", "clndr_name", "day_hr_cnt", "clndr_data"
  day = "(0||0(s|08:00|f|16:00)())"
  print "%R", 1, "Five days", 8, "(0||CalendarData()((0||DaysOfWeek()((0||1()())(0||2()(" day "))(0||3()(" day "))(0||4()(" day "))(0||5()(" day "))(0||6()(" day "))(0||7()())))(0||Exceptions()((0||0(d|45292)())))))"
  print "%T", "PROJECT"
  print "%F", "proj_id", "proj_short_name", "clndr_id", "plan_start_date", "scd_end_date", "last_recalc_date"
  print "%R", 1, "BENCH", 1, "2024-01-01 08:00", "2026-12-31 16:00", "2024-02-01 08:00"
  print "%T", "PROJWBS"
  print "%F", "wbs_id", "proj_id", "proj_node_flag", "parent_wbs_id", "wbs_short_name", "wbs_name"
  print "%R", 1000, 1, "Y", "", "BENCH", "Benchmark"
  for (w = 1; w <= 100; w++) print "%R", 1000 + w, 1, "N", 1000, "W" w, "Work package " w
  print "%T", "TASK"
  print "%F", "task_id", "proj_id", "wbs_id", "clndr_id", "task_type", "status_code", "task_code", "task_name", "target_drtn_hr_cnt", "remain_drtn_hr_cnt", "act_start_date", "act_end_date"
  for (i = 1; i <= n; i++) {
    hours = 8 * (1 + (i * 7919) % 30)
    status = "TK_NotStart"; start = ""; finish = ""
    if (i % 100 == 1) { status = "TK_Complete"; start = "2024-01-02 08:00"; finish = "2024-01-10 16:00" }
    else if (i % 100 == 2) { status = "TK_Active"; start = "2024-01-15 08:00" }
    print "%R", i, 1, 1000 + 1 + int((i - 1) * 100 / n), 1, "TT_Task", status, "A" i, "Activity " i, hours, hours / 2, start, finish
  }
  print "%T", "TASKPRED"
  print "%F", "task_pred_id", "task_id", "pred_task_id", "pred_type", "lag_hr_cnt"
  link = 0
  for (i = 2; i <= n; i++) {
    if ((i - 1) % 100 != 0) print "%R", ++link, i, i - 1, "PR_FS", 0
    if (i > 100 && i % 10 == 0) print "%R", ++link, i, i - 100, "PR_SS", 16
  }
  print "%E"
}'
