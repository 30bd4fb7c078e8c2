# Compiles SOURCE with COMPILER (-fsyntax-only, the arguments in FLAGS_FILE,
# one a line) and fails unless the compiler fails with diagnostics matching
# the source's "// EXPECT: " line and with as many "error:" lines as its
# "// ERRORS: " line gives for COMPILER_ID (GNU or Clang).
foreach(variable COMPILER COMPILER_ID FLAGS_FILE SOURCE)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "check.cmake needs -D${variable}=...")
    endif()
endforeach()

file(STRINGS ${SOURCE} expect LIMIT_COUNT 1 REGEX "^// EXPECT: ")
file(STRINGS ${SOURCE} counts LIMIT_COUNT 1 REGEX "^// ERRORS: ")
if(NOT expect OR NOT counts)
    message(FATAL_ERROR "${SOURCE} needs a \"// EXPECT: \" and a \"// ERRORS: \" line")
endif()
string(REGEX REPLACE "^// EXPECT: " "" expect "${expect}")
string(REGEX REPLACE "^// ERRORS: " "" counts "${counts}")
if(counts MATCHES "^[0-9]+$")
    set(expected_errors ${counts})
elseif(counts MATCHES "(^|, )${COMPILER_ID} ([0-9]+)(,|$)")
    set(expected_errors ${CMAKE_MATCH_2})
else()
    message(FATAL_ERROR "${SOURCE}: \"// ERRORS: ${counts}\" gives no count for ${COMPILER_ID}")
endif()

file(STRINGS ${FLAGS_FILE} flags)
execute_process(
    COMMAND ${COMPILER} ${flags} ${SOURCE}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
message("${output}")

if(result EQUAL 0)
    message(FATAL_ERROR "${SOURCE} compiled: it must not")
endif()
if(NOT output MATCHES "${expect}")
    message(FATAL_ERROR "${SOURCE} failed, but without a diagnostic matching \"${expect}\"")
endif()
# Counted as a list: the characters that would split or join its items go first.
string(REGEX REPLACE "[][;\\]" " " plain "${output}")
string(REGEX MATCHALL "[^\n]*error:[^\n]*" error_lines "${plain}")
list(LENGTH error_lines errors)
if(NOT errors EQUAL expected_errors)
    message(FATAL_ERROR "${SOURCE} failed with ${errors} errors, not ${expected_errors}")
endif()
