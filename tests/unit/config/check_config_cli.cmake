# Runs `kiosk check-config` on a good and a broken file: exit codes and the FILE:LINE: KEY: format.
# -DKIOSK=<exe> -DDATA=<tests/data/config>
execute_process(COMMAND ${KIOSK} check-config ${DATA}/good.toml RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out STREQUAL "${DATA}/good.toml: ok\n")
  message(FATAL_ERROR "good file: exit ${rc}, output:\n${out}")
endif()
execute_process(COMMAND ${KIOSK} check-config ${DATA}/broken.toml RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "broken file: expected exit 2, got ${rc}, output:\n${out}")
endif()
foreach(expected
    "${DATA}/broken.toml:2: backend.url: bad URL"
    "${DATA}/broken.toml:3: backend.conect_timeout_ms: unknown key; did you mean 'backend.connect_timeout_ms'?"
    "${DATA}/broken.toml:6: ui.fullscreen: wrong type"
    "${DATA}/broken.toml:9: printer.width_dots: bad value 500")
  string(FIND "${out}" "${expected}" pos)
  if(pos EQUAL -1)
    message(FATAL_ERROR "missing line '${expected}' in output:\n${out}")
  endif()
endforeach()
string(REGEX MATCHALL "\n" lines "${out}")
list(LENGTH lines count)
if(NOT count EQUAL 4)
  message(FATAL_ERROR "expected 4 error lines, got ${count}:\n${out}")
endif()
execute_process(COMMAND ${KIOSK} check-config ${DATA}/does-not-exist.toml RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 2 OR NOT out MATCHES "does-not-exist.toml:0: \\(file\\): cannot read")
  message(FATAL_ERROR "missing file: exit ${rc}, output:\n${out}")
endif()
