# embed.cmake - turn one file into a C source that defines a NUL-terminated
# char array, so SQL kept in schema/ is compiled into the programs.
#
# Usage: cmake -DINPUT=schema/x.sql -DOUTPUT=x.c -DSYMBOL=name -P embed.cmake
# The generated file defines `const char SYMBOL[]` and `const size_t SYMBOL_len`.
if(NOT INPUT OR NOT OUTPUT OR NOT SYMBOL)
  message(FATAL_ERROR "embed.cmake needs INPUT, OUTPUT and SYMBOL")
endif()
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hexlen)
math(EXPR len "${hexlen} / 2")
# Character constants, not a string literal: ISO C limits the length of
# literals, not of arrays.  One line of output per line of the file.
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REPLACE "'\\x0a'," "'\\x0a',\n" bytes "${bytes}")
get_filename_component(name "${INPUT}" NAME)
file(WRITE "${OUTPUT}"
  "/* generated from ${name} by embed.cmake, do not edit */\n"
  "#include <stddef.h>\n"
  "const char ${SYMBOL}[] = {\n${bytes}'\\0'};\n"
  "const size_t ${SYMBOL}_len = ${len};\n")
