# Runs `kiosk parse` on a code, a lookup URL carrying a citizen ID, and garbage.
# Usage: cmake -DKIOSK=/path/to/kiosk -P parse_cli_test.cmake
function(expect_parse input expected_rc expected_out)
  execute_process(COMMAND "${KIOSK}" parse "${input}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(STRIP "${out}" out)
  if(NOT rc EQUAL expected_rc)
    message(FATAL_ERROR "kiosk parse '${input}': exit ${rc}, expected ${expected_rc}\n${out}\n${err}")
  endif()
  if(NOT out STREQUAL expected_out)
    message(FATAL_ERROR "kiosk parse '${input}': printed\n  ${out}\nexpected\n  ${expected_out}")
  endif()
  if(out MATCHES "001099012345|099012345")
    message(FATAL_ERROR "kiosk parse printed a citizen ID: ${out}")
  endif()
endfunction()

expect_parse(" 000.00.06.h56-231027-0361 " 0 [[{"code":"000.00.06.H56-231027-0361","kind":"dossier"}]])
expect_parse("https://dichvucong.gov.vn/portaldvc/tra-cuu?SGT=001099012345&MHS=000.17.22.H56-210531-0001" 0
             [[{"code":"000.17.22.H56-210531-0001","kind":"dossier"}]])
expect_parse("https://dichvucong.gov.vn/apiqr/qr?id=3f2504e0-4f89&SGT=001099012345" 0
             [[{"kind":"token","token":"3f2504e0-4f89"}]])
expect_parse("https://dichvucong.gov.vn/portaldvc/tra-cuu?SGT=001099012345" 1
             [[{"kind":"invalid","reason":"no_code_in_link"}]])
expect_parse("hello world" 1 [[{"kind":"invalid","reason":"bad_code_format"}]])
expect_parse("javascript:alert(1)" 1 [[{"kind":"invalid","reason":"unsupported_link"}]])
message(STATUS "kiosk parse: all cases passed")
