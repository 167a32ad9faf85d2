// Compiled only so that the build makes a provider's precompiled headers (-fPIE) that the sources
// of programs (tests, benchmarks) reuse (Pch.cmake).
int main()
{
    return 0;
}
