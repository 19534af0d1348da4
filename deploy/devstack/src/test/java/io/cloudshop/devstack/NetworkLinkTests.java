package io.cloudshop.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NetworkLinkTests {

    private ServerSocket echo;
    private NetworkLink link;

    @BeforeEach
    void echoServer() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket socket = echo.accept();
                    Thread.ofVirtual().start(() -> {
                        try (socket) {
                            socket.getInputStream().transferTo(socket.getOutputStream());
                        } catch (IOException ignored) {
                            // the test closed it
                        }
                    });
                } catch (IOException ex) {
                    return;
                }
            }
        });
        link = new NetworkLink("echo", echo.getLocalPort());
    }

    @AfterEach
    void close() throws IOException {
        link.close();
        echo.close();
    }

    @Test
    void relaysBothWays() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("ping".getBytes(StandardCharsets.UTF_8));

            assertThat(read(socket.getInputStream(), 4)).isEqualTo("ping");
        }
    }

    /** A cut holds what was sent, on open connections and new ones, without refusing either; healing delivers it. */
    @Test
    void aCutHoldsTrafficWithoutRefusingItAndHealingDeliversIt() throws IOException {
        try (Socket open = connect()) {
            open.getOutputStream().write("one".getBytes(StandardCharsets.UTF_8));
            assertThat(read(open.getInputStream(), 3)).isEqualTo("one");

            link.cut();
            open.getOutputStream().write("two".getBytes(StandardCharsets.UTF_8));
            try (Socket fresh = connect()) {
                fresh.getOutputStream().write("three".getBytes(StandardCharsets.UTF_8));

                open.setSoTimeout(300);
                fresh.setSoTimeout(300);
                assertThatThrownBy(() -> open.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
                assertThatThrownBy(() -> fresh.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

                link.heal();
                assertThat(read(open.getInputStream(), 3)).isEqualTo("two");
                assertThat(read(fresh.getInputStream(), 5)).isEqualTo("three");
            }
        }
    }

    @Test
    void aConnectionToATargetThatIsNotThereIsClosed() throws IOException {
        echo.close();
        try (Socket socket = connect()) {
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), link.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String read(InputStream in, int length) throws IOException {
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
