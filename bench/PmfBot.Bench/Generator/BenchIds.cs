using System.Security.Cryptography;
using System.Text;

namespace PmfBot.Bench.Generator;

/// <summary>Name-based ids: the same seed and key give the same GUID on every run.</summary>
public static class BenchIds
{
    public const string TenantId = "8d2c4e6a-1b3f-4a5c-9e7d-0f1a2b3c4d5e";
    public const string BotTeamsId = "28:0b5e9a1c-7d42-4c8e-9f16-3a2b1c0d9e8f";
    public const string TeamId = "19:bench-team@thread.tacv2";

    public static Guid For(int seed, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"pmfbot-bench:{seed}:{key}"));
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
