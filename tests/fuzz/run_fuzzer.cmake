# Runs one libFuzzer target for ctest (label fuzz): a fresh corpus folder every run, so a fixed seed
# gives the same inputs every time. -DFUZZER=<exe> -DWORK=<dir> -DSEEDS=<dir> -DDICT=<file> -DRUNS=<n>
# -DSECONDS=<max seconds>. A crash, leak or timeout leaves its input in WORK/artifacts and fails the test.
file(REMOVE_RECURSE ${WORK}/corpus)
file(MAKE_DIRECTORY ${WORK}/corpus ${WORK}/artifacts)
execute_process(COMMAND ${FUZZER} -seed=1 -runs=${RUNS} -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048
                        -print_final_stats=1 -dict=${DICT} -artifact_prefix=${WORK}/artifacts/ ${WORK}/corpus ${SEEDS}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed (exit ${rc}); the input is in ${WORK}/artifacts")
endif()
