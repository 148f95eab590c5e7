# The command line as users type it: options before or after the subcommand, --config honoured by every
# subcommand, usage errors as one line with exit 2, unquoted search words; and the product binary
# without test hooks.
# Usage: cmake -DKIOSK=... -DKIOSK_TEST=... -DWORK=DIR -P cli_test.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

function(run)
  cmake_parse_arguments(R "" "EXIT;STDOUT;STDERR;LINES" "ARGS" ${ARGN})
  execute_process(COMMAND ${R_ARGS} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(rc "${rc}" PARENT_SCOPE)
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
  if(DEFINED R_EXIT AND NOT rc EQUAL R_EXIT)
    message(FATAL_ERROR "${R_ARGS}: exit ${rc}, expected ${R_EXIT}\nstdout: ${out}\nstderr: ${err}")
  endif()
endfunction()

function(expect_contains text pattern what)
  string(FIND "${text}" "${pattern}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${what}: '${pattern}' not found in:\n${text}")
  endif()
endfunction()

function(expect_no text pattern what)
  string(FIND "${text}" "${pattern}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "${what}: '${pattern}' must not appear in:\n${text}")
  endif()
endfunction()

# 1. The product has no test hooks; the test executable has them.
run(ARGS "${KIOSK}" --help EXIT 0)
expect_no("${out}" "--test-control" "kiosk --help")
expect_contains("${out}" "--config" "kiosk --help")
run(ARGS "${KIOSK_TEST}" --help EXIT 0)
expect_contains("${out}" "--test-control" "kiosk-test --help")

# 2. --config is honoured by `parse`, before or after the subcommand: a link whose code parameter only
#    this configuration trusts.
set(config "${WORK}/kiosk.toml")
file(WRITE "${config}" "[office]\npublic_lookup_url = \"https://dvc.example.gov.vn/tra-cuu?hoso={code}\"\n"
                      "[receipt]\ncode_parameters = [\"hoso\"]\ntrusted_hosts = [\"dvc.example.gov.vn\"]\n")
set(link "https://dvc.example.gov.vn/tra-cuu?hoso=000.00.06.H56-231027-0361")
set(expected [[{"code":"000.00.06.H56-231027-0361","kind":"dossier"}]])
foreach(order IN ITEMS before after)
  if(order STREQUAL "before")
    run(ARGS "${KIOSK}" --config "${config}" parse "${link}" EXIT 0)
  else()
    run(ARGS "${KIOSK}" parse "${link}" --config "${config}" EXIT 0)
  endif()
  string(STRIP "${out}" out)
  if(NOT out STREQUAL expected)
    message(FATAL_ERROR "parse with --config ${order}: ${out}")
  endif()
endforeach()
run(ARGS "${KIOSK}" --config "${WORK}/empty.toml" parse "${link}")  # a missing --config file is an error
if(rc EQUAL 0)
  message(FATAL_ERROR "parse with a missing --config file succeeded: ${out}")
endif()
file(WRITE "${WORK}/empty.toml" "")
run(ARGS "${KIOSK}" --config "${WORK}/empty.toml" parse "${link}" EXIT 1)  # the defaults do not trust this host
expect_contains("${out}" "\"kind\":\"invalid\"" "parse without the rule")

# 3. Global options after the subcommand: the lookup goes to the --backend given (nothing listens there).
foreach(args IN ITEMS "lookup;000.00.06.H56-231027-0361;--backend;http://127.0.0.1:9"
                      "--backend;http://127.0.0.1:9;lookup;000.00.06.H56-231027-0361")
  run(ARGS "${KIOSK}" --config "${WORK}/empty.toml" ${args} EXIT 1)
  expect_contains("${out}" "\"kind\":\"offline\"" "lookup ${args}")
endforeach()

# 4. check-config without FILE checks the --config file.
file(WRITE "${WORK}/bad.toml" "[ui]\nidle_timeout_s = 1\n")
run(ARGS "${KIOSK}" check-config --config "${WORK}/bad.toml" EXIT 2)
expect_contains("${out}" "bad.toml:2: ui.idle_timeout_s:" "check-config --config")

# 5. Unquoted search words are one query.
run(ARGS "${KIOSK}" --config "${WORK}/empty.toml" guidance search "ly lich" EXIT 0)
set(quoted "${out}")
run(ARGS "${KIOSK}" --config "${WORK}/empty.toml" guidance search ly lich EXIT 0)
if(NOT out STREQUAL quoted OR out STREQUAL "")
  message(FATAL_ERROR "guidance search ly lich:\n${out}\nquoted:\n${quoted}")
endif()

# 6. Usage errors: exit 2 and one line on stderr naming the problem.
foreach(args IN ITEMS "parse" "--no-such-option" "slip;status;000.00.06.H56-231027-0361" "print-test;--width;100"
                      "guidance")
  run(ARGS "${KIOSK}" ${args} EXIT 2)
  string(STRIP "${err}" err)
  string(REGEX MATCHALL "\n" newlines "${err}")
  list(LENGTH newlines lines)
  if(NOT lines EQUAL 0 OR err STREQUAL "")
    message(FATAL_ERROR "kiosk ${args}: the usage error must be one line, got:\n${err}")
  endif()
  expect_contains("${err}" "kiosk: " "kiosk ${args}")
endforeach()
message(STATUS "kiosk command line: all cases passed")
