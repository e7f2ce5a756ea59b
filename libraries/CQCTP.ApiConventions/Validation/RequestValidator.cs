using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using CQCTP.ApiConventions.Problems;
using CQCTP.Primitives;

namespace CQCTP.ApiConventions.Validation;

/// <summary>
/// Checks DataAnnotations on a request object graph and reports field errors with camelCase keys, stable codes and
/// localized messages. .NET 10's built-in validation reports English text keyed by C# names only, so the platform
/// validates through this one writer instead.
/// </summary>
public static class RequestValidator
{
    private sealed record Member(PropertyInfo Property, string JsonName, ValidationAttribute[] Attributes, bool Multiline);

    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    public static IReadOnlyDictionary<string, FieldError[]> Validate(object? instance)
    {
        var errors = new Dictionary<string, List<FieldError>>(StringComparer.Ordinal);
        if (instance is not null)
        {
            Walk(instance, prefix: null, errors, depth: 0);
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Types whose graph we walk: the platform's own request types, never framework types.</summary>
    public static bool IsRequestType(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying.Namespace is null)
        {
            return false;
        }

        return !underlying.Namespace.StartsWith("System", StringComparison.Ordinal)
            && !underlying.Namespace.StartsWith("Microsoft", StringComparison.Ordinal);
    }

    private static void Walk(object instance, string? prefix, Dictionary<string, List<FieldError>> errors, int depth)
    {
        // Request graphs are shallow; the bound guards against a cyclic object reaching us by mistake.
        if (depth > 16)
        {
            return;
        }

        foreach (var member in Members.GetOrAdd(instance.GetType(), Describe))
        {
            var value = member.Property.GetValue(instance);
            var path = JsonPaths.Combine(prefix, member.JsonName);
            var failed = false;
            var context = new ValidationContext(instance) { MemberName = member.Property.Name };
            foreach (var attribute in member.Attributes)
            {
                if (attribute.GetValidationResult(value, context) is null)
                {
                    continue;
                }

                Add(errors, path, ToFieldError(attribute, value));
                failed = true;
                // One message per field is what a form shows; "required" makes the others meaningless.
                break;
            }

            if (failed || value is null)
            {
                continue;
            }

            if (value is string text)
            {
                if (ControlCharacterError(text, member.Multiline) is { } error)
                {
                    Add(errors, path, error);
                }
            }
            else if (value is IEnumerable sequence)
            {
                var index = 0;
                foreach (var item in sequence)
                {
                    if (item is string itemText && ControlCharacterError(itemText, multiline: false) is { } error)
                    {
                        Add(errors, $"{path}[{index}]", error);
                    }
                    else if (item is not null && IsRequestType(item.GetType()))
                    {
                        Walk(item, $"{path}[{index}]", errors, depth + 1);
                    }

                    index++;
                }
            }
            else if (IsRequestType(value.GetType()))
            {
                Walk(value, path, errors, depth + 1);
            }
        }
    }

    /// <summary>
    /// The error for text holding a control character (NUL and the like, which PostgreSQL cannot store and no person
    /// types), or null. Multi-line text may hold tabs and line breaks.
    /// </summary>
    public static FieldError? ControlCharacterError(string text, bool multiline)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && !(multiline && c is '\t' or '\n' or '\r'))
            {
                return ValidationMessages.Error(ValidationMessages.InvalidCharacters, i);
            }
        }

        return null;
    }

    private static void Add(Dictionary<string, List<FieldError>> errors, string path, FieldError error)
    {
        if (!errors.TryGetValue(path, out var list))
        {
            errors[path] = list = [];
        }

        list.Add(error);
    }

    private static FieldError ToFieldError(ValidationAttribute attribute, object? value) =>
        attribute switch
        {
            ICodedValidation coded => coded.ToFieldError(),
            RequiredAttribute => ValidationMessages.Error(ValidationMessages.Required),
            StringLengthAttribute s when value is string text && text.Length < s.MinimumLength =>
                ValidationMessages.Error(ValidationMessages.TooShort, s.MinimumLength),
            StringLengthAttribute s => ValidationMessages.Error(ValidationMessages.TooLong, s.MaximumLength),
            MaxLengthAttribute m => ValidationMessages.Error(ValidationMessages.TooLong, m.Length),
            MinLengthAttribute m => ValidationMessages.Error(ValidationMessages.TooShort, m.Length),
            RangeAttribute r => ValidationMessages.Error(ValidationMessages.OutOfRange, r.Minimum, r.Maximum),
            EmailAddressAttribute => ValidationMessages.Error(ValidationMessages.InvalidEmail),
            UrlAttribute => ValidationMessages.Error(ValidationMessages.InvalidUrl),
            RegularExpressionAttribute => ValidationMessages.Error(ValidationMessages.InvalidFormat),
            _ => ValidationMessages.Error(ValidationMessages.InvalidValue),
        };

    private static Member[] Describe(Type type)
    {
        // Positional records put attributes on constructor parameters; read them there too.
        var parameters = type.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Where(p => p.Name is not null)
            .GroupBy(p => p.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p =>
            {
                var attributes = p.GetCustomAttributes<ValidationAttribute>(inherit: true);
                if (parameters.TryGetValue(p.Name, out var parameter))
                {
                    attributes = attributes.Concat(parameter.GetCustomAttributes<ValidationAttribute>(inherit: true));
                }

                // "required" first, so a missing value is reported as missing and not as too short.
                var ordered = attributes.Distinct().OrderBy(a => a is RequiredAttribute ? 0 : 1).ToArray();
                var multiline = p.IsDefined(typeof(MultilineAttribute), inherit: true)
                    || parameters.GetValueOrDefault(p.Name)?.IsDefined(typeof(MultilineAttribute), inherit: true) == true;
                return new Member(p, JsonPaths.CamelCase(p.Name), ordered, multiline);
            })
            .ToArray();
    }
}
