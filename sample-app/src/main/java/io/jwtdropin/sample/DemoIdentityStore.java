package io.jwtdropin.sample;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.Set;

/**
 * The demo users, with PBKDF2 password hashes (Jakarta Security's {@link Pbkdf2PasswordHash}). Only the hashes are
 * kept; the demo passwords are in the README. A real application would keep users in a database.
 */
@ApplicationScoped
public class DemoIdentityStore implements IdentityStore {

    record User(String passwordHash, Set<String> groups) {
    }

    @Inject
    Pbkdf2PasswordHash passwordHash;

    private Map<String, User> users;

    @PostConstruct
    void hashDemoPasswords() {
        users = Map.of(
                "alice", new User(passwordHash.generate("alice-password".toCharArray()), Set.of("user")),
                "admin", new User(passwordHash.generate("admin-password".toCharArray()), Set.of("user", "admin")));
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login) {
            User user = users.get(login.getCaller());
            if (user != null && passwordHash.verify(login.getPassword().getValue(), user.passwordHash())) {
                return new CredentialValidationResult(login.getCaller(), user.groups());
            }
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
