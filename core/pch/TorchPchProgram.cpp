// Compiled only so that the build makes the precompiled LibTorch headers (-fPIE) that the torch
// sources of tests and benchmarks reuse (TorchPch.cmake).
int main()
{
    return 0;
}
