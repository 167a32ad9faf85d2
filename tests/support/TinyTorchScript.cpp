#include "TinyTorchScript.h"

#include <QFile>
#include <torch/script.h>
#include <torch/torch.h>

namespace tessera::test {

namespace {
void save(torch::jit::Module& module, const QString& path)
{
    module.save(QFile::encodeName(path).toStdString());
}
} // namespace

void writeChannelMeanEncoder(const QString& path)
{
    torch::jit::Module module("ChannelMeanEncoder");
    module.register_parameter(
        "weight", torch::tensor({{1.f, 0.f, 0.f, 1.f}, {0.f, 1.f, 0.f, 1.f}, {0.f, 0.f, 1.f, 1.f}}), false);
    module.define(R"(
def forward(self, x):
    return torch.mean(x, dim=[2, 3]) @ self.weight
)");
    save(module, path);
}

void writeIdentityModel(const QString& path)
{
    torch::jit::Module module("Identity");
    module.define(R"(
def forward(self, x):
    return x
)");
    save(module, path);
}

void writeWrongInputModel(const QString& path)
{
    torch::jit::Module module("WrongInput");
    module.register_parameter("weight", torch::ones({2, 10}), false);
    module.define(R"(
def forward(self, x):
    return torch.flatten(x, 1) @ self.weight.t()
)");
    save(module, path);
}

} // namespace tessera::test
