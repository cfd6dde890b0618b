package fr.aam.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The maintainers' account (settings {@code aam.admin.*}, or the environment: {@code AAM_ADMIN_USERNAME},
 * {@code AAM_ADMIN_PASSWORD_HASH}). With no password hash configured the admin API does not exist — there is never
 * a default password.
 *
 * @param passwordHash a bcrypt hash ({@code htpasswd -nbBC 12 admin 'secret'} prints {@code admin:$2y$12$…}; take
 *                     what follows the colon), never the password itself
 * @param maxUpload    largest graph the admin API accepts in one upload
 */
@ConfigurationProperties(prefix = "aam.admin")
public record AdminSettings(String username, String passwordHash, DataSize maxUpload) {

    public AdminSettings {
        if (username == null || username.isBlank()) username = "admin";
        if (maxUpload == null) maxUpload = DataSize.ofMegabytes(64);
    }

    public boolean enabled() { return passwordHash != null && !passwordHash.isBlank(); }
}
