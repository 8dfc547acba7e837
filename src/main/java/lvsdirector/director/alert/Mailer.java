package lvsdirector.director.alert;

import java.io.IOException;

/** Delivers one alert; blocking, bounded by the implementation's timeout. */
public interface Mailer {
    void send(AlertMail mail) throws IOException;
}
