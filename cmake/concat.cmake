# Concatenates files into one (the stylesheet from its parts).
# Usage: cmake -DOUT=file "-DIN=a;b" -P concat.cmake
file(WRITE "${OUT}" "")
foreach(f ${IN})
  file(READ "${f}" part)
  file(APPEND "${OUT}" "${part}")
endforeach()
