# Writes a CTest file with one test per GoogleTest suite of TEST_EXECUTABLE, not one per
# test: a process under the sanitizers takes a tenth of a second to start, which over six
# hundred tests is a minute of every sanitized suite. Failing tests are still named, in
# the suite's output. Run after each link of the test executable.
#   cmake -D TEST_EXECUTABLE=... -D CTEST_FILE=... -P register_suites.cmake
execute_process(COMMAND "${TEST_EXECUTABLE}" --gtest_list_tests
                OUTPUT_VARIABLE listing ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${TEST_EXECUTABLE} --gtest_list_tests failed (${status}): ${errors}")
endif()
# Suites are the lines that do not start with a space: "Name." or "Prefix/Name.", then
# perhaps "  # TypeParam = ...".
string(REPLACE ";" "\\;" listing "${listing}")
string(REPLACE "\n" ";" lines "${listing}")
set(script "")
foreach(line IN LISTS lines)
  if(line MATCHES "^([^ #][^ ]*)\\.( |$)")
    set(suite "${CMAKE_MATCH_1}")
    string(APPEND script
           "add_test([==[${suite}]==] [==[${TEST_EXECUTABLE}]==] [==[--gtest_filter=${suite}.*]==])\n")
  endif()
endforeach()
if(script STREQUAL "")
  message(FATAL_ERROR "${TEST_EXECUTABLE} lists no test suite")
endif()
file(WRITE "${CTEST_FILE}.tmp" "${script}")
file(RENAME "${CTEST_FILE}.tmp" "${CTEST_FILE}")
